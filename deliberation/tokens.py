"""Signed, expiring links that verify a new account's e-mail address.

The token carries the user's id, where to go afterwards and a hash of the account's
state (password hash, e-mail, active flag, last sign-in). Once the account is
activated, its password changes or a newer sign-up replaces it, the state no longer
matches and the link stops working, so every link works once.
"""

import enum
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac

VERIFY_MAX_AGE = timedelta(days=3)
_SALT = "deliberation.accounts.verify-email"


class TokenStatus(enum.Enum):
    VALID = "valid"
    EXPIRED = "expired"
    USED = "used"  # signed by us, but the account has changed since (e.g. already verified)
    INVALID = "invalid"


@dataclass(frozen=True)
class TokenCheck:
    status: TokenStatus
    user: object | None = None
    next_url: str = ""


def _state(user) -> str:
    last_login = user.last_login.replace(microsecond=0, tzinfo=None) if user.last_login else ""
    value = f"{user.pk}|{user.password}|{int(user.is_active)}|{user.email}|{last_login}"
    return salted_hmac(_SALT, value).hexdigest()[:32]


def make_verification_token(user, *, next_url: str = "") -> str:
    """A URL-safe token for the verification link of ``user``."""
    payload = {"u": user.pk, "s": _state(user)}
    if next_url:
        payload["n"] = next_url
    return signing.dumps(payload, salt=_SALT)


def check_verification_token(token: str) -> TokenCheck:
    """Tell whether a verification link is valid, expired or already used."""
    try:
        payload = signing.loads(token, salt=_SALT, max_age=VERIFY_MAX_AGE)
    except signing.SignatureExpired:
        return TokenCheck(TokenStatus.EXPIRED)
    except signing.BadSignature:
        return TokenCheck(TokenStatus.INVALID)
    if not isinstance(payload, dict):
        return TokenCheck(TokenStatus.INVALID)
    user = get_user_model().objects.filter(pk=payload.get("u")).first()
    if user is None:
        return TokenCheck(TokenStatus.INVALID)
    next_url = payload.get("n") or ""
    if not constant_time_compare(str(payload.get("s", "")), _state(user)):
        return TokenCheck(TokenStatus.USED, user=user, next_url=next_url)
    return TokenCheck(TokenStatus.VALID, user=user, next_url=next_url)
