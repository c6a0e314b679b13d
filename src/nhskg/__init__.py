"""nhskg: a knowledge graph of NHS regulation news."""

__version__ = "0.1.0"
