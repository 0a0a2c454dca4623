"""Pure domain logic for notifications: business-hours calendars and SLA plans."""

from .business_calendar import (
    WEEKDAYS,
    BusinessCalendar,
    CalendarConfig,
)
from .sla import Deadline, DeadlineLevel, plan_deadlines

__all__ = [
    "WEEKDAYS",
    "BusinessCalendar",
    "CalendarConfig",
    "Deadline",
    "DeadlineLevel",
    "plan_deadlines",
]
