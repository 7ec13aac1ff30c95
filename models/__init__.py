"""SQLAlchemy 2 models, the database owner and the named queries services use."""

from models.base import Base
from models.conversation import ConversationState
from models.db import Database, create_engine
from models.groups import Group, GroupMember
from models.reminders import Reminder
from models.runner import BodyweightEntry, Race, RunDay, User
from models.training import ExerciseEntry, LiftState, LoggedSet, WorkoutSession

__all__ = [
    "Base", "BodyweightEntry", "ConversationState", "Database", "ExerciseEntry", "Group",
    "GroupMember",
    "LiftState", "LoggedSet", "Race", "Reminder", "RunDay", "User", "WorkoutSession",
    "create_engine",
]  # fmt: skip
