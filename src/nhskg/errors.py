"""Errors whose message is meant for the user, printed as one line without a traceback."""


class UserError(Exception):
    pass
