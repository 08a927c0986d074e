"""An ``in`` lookup for integer columns that ignores numbers no column can hold.

Django answers ``pk=2**63`` with no rows (its exact and comparison lookups on integer
fields check the column's range), but passes the numbers of ``pk__in=[2**63]`` to the
database, where SQLite raises OverflowError. Django's own ModelMultipleChoiceField (every
many-to-many field of an admin form) filters with ``pk__in``, so an id too large for the
database gave a 500 instead of "select a valid choice".
"""

from django.db.models import IntegerField
from django.db.models.lookups import In


@IntegerField.register_lookup
class IntegerFieldIn(In):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            low, high = connection.ops.integer_field_range(
                self.lhs.output_field.get_internal_type()
            )
            self.rhs = [
                value
                for value in self.rhs
                if not isinstance(value, int)
                or ((low is None or value >= low) and (high is None or value <= high))
            ]
        return super().process_rhs(compiler, connection)
