"""Names vulture cannot see being used: called by a framework, or kept on purpose.

`make lint` runs vulture over the code with this file; anything else it reports is dead code.
"""
# ruff: noqa
# fmt: off

# PTB calls these (BaseRequest, BasePersistence) and pydantic reads these.
_.read_timeout; _.initialize; _.shutdown; _.do_request
_.write_timeout; _.connect_timeout; _.pool_timeout
_.get_conversations; _.update_conversation; _.get_user_data; _.get_chat_data; _.get_bot_data
_.get_callback_data; _.update_user_data; _.update_chat_data; _.update_bot_data
_.update_callback_data; _.drop_chat_data; _.drop_user_data; _.refresh_user_data
_.refresh_chat_data; _.refresh_bot_data; _.user_data; _.chat_data
_.model_config; _._webhook_needs_a_secret
# html.parser.HTMLParser and logging call these.
_.handle_starttag; _.handle_endtag; _.attrs; _.msg
# SQLAlchemy TypeDecorator hooks.
_.impl; _.cache_ok; _.process_bind_param; _.process_result_value
# Alembic reads the models' metadata (migrations/env.py).
_.metadata
# Columns written for operators and later waves (when a row was made, claimed, sent, started,
# finished; the message a set came from, which chat and message or button `source_key` names),
# and the bot API double's helpers that tests and the terminal chat use.
_.created_at; _.claimed_at; _.sent_at; _.started_at; _.completed_at; _.source_message_id
_.entry_date; _.calibration; _.last_message; _.as_group; _.restart_update_ids
# Used by the hypothesis properties of tests/coaching/test_kit.py, and by the step cap that
# double progression needs (the coaching issue).
_.increment
# Tornado calls these by name (bot/intake.py's webhook routes).
_.SUPPORTED_METHODS; _.post; _.log_exception
