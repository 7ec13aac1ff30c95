"""Queries about group chats and their members."""

from __future__ import annotations

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from models.groups import Group, GroupMember
from models.reminders import Reminder
from models.runner import User


async def get_or_create_group(session: AsyncSession, chat_id: int, title: str) -> Group:
    group = await session.get(Group, chat_id)
    if group is None:
        group = Group(id=chat_id, title=title, weekly_summary=True, summary_day=6)
        session.add(group)
        await session.flush()
    elif title:
        group.title = title
    return group


async def membership(
    session: AsyncSession, group_id: int, user_id: int, left_too: bool = False
) -> GroupMember | None:
    """The runner's membership of the group (`left_too`: also one they left)."""
    member = await session.get(GroupMember, (group_id, user_id))
    if member is None or (member.left_at is not None and not left_too):
        return None
    return member


async def members_of(session: AsyncSession, group_id: int) -> list[tuple[GroupMember, User]]:
    """The group's members (not those who left) with their profiles, in order of joining."""
    query = (
        select(GroupMember, User)
        .join(User, User.id == GroupMember.user_id)
        .where(GroupMember.group_id == group_id, GroupMember.left_at.is_(None))
        .order_by(GroupMember.joined_at, GroupMember.user_id)
    )
    return [(member, user) for member, user in (await session.execute(query)).all()]


async def move_group(session: AsyncSession, old_id: int, new_id: int) -> None:
    """A group became a supergroup (new chat id): everything moves with it."""
    old = await session.get(Group, old_id)
    if old is None or await session.get(Group, new_id) is not None:
        return
    columns = {c.key: getattr(old, c.key) for c in Group.__table__.columns if c.key != "id"}
    session.add(Group(id=new_id, **columns))
    await session.flush()
    await session.execute(
        update(GroupMember).where(GroupMember.group_id == old_id).values(group_id=new_id)
    )
    await session.execute(
        update(Reminder).where(Reminder.group_id == old_id).values(group_id=new_id, chat_id=new_id)
    )
    await session.execute(delete(Group).where(Group.id == old_id))
