"""The layer below the domain apps: what cms, motions and deliberation all use.

Arrows run one way, cms -> motions -> deliberation -> shared; nothing here imports them.
It holds Turkish text (text.py), the limits on abuse (limits.py), the reading of numbers
and ids from requests (query_params.py) and admin widgets that survive any input
(admin_widgets.py).
"""
