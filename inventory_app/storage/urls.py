"""Database URLs without their secrets: what may be stored in the config, shown or logged.

A password can sit in a URL twice: as ``user:PASSWORD@host`` and as a ``?password=`` (or libpq's
``sslpassword=``) query parameter. Both are taken out before a URL is kept or printed anywhere; the
password itself goes to the OS keyring or is asked for.
"""

from __future__ import annotations

from sqlalchemy.engine import URL, make_url

SECRET_PARAMS = ("password", "sslpassword")


def split_password(url: str | URL) -> tuple[URL, str | None]:
    """The URL without any password, and the password it carried (userinfo first, then the query)."""
    u = make_url(url) if isinstance(url, str) else url
    password = u.password
    if password is None:
        for name in SECRET_PARAMS[:1]:
            value = u.query.get(name)
            if value:
                password = value[-1] if isinstance(value, tuple) else value
    clean = URL.create(u.drivername, u.username, None, u.host, u.port, u.database, u.query)
    clean = clean.difference_update_query([k for k in u.query if k.lower() in SECRET_PARAMS])
    return clean, (str(password) if password is not None else None)


def public_url(url: str | URL) -> str:
    """The URL as it may be written to a file, shown or logged: no password in any form."""
    try:
        clean, _ = split_password(url)
    except Exception:  # not parseable as a URL: say nothing about it
        return "<database>"
    return clean.render_as_string(hide_password=False).replace("postgresql+psycopg://", "postgresql://")
