"""Template filters for forms: accessible widgets without logic in templates."""


def error_id(field, number: int) -> str:
    return f"{field.auto_id}_error{number}"


def error_ids(field, errors=None) -> list[str]:
    """`errors`: the field's errors, when the caller has read them (each read of
    `field.errors` makes a new list when there are none)."""
    errors = field.errors if errors is None else errors
    return [error_id(field, n) for n in range(1, len(errors) + 1)]


def described_widget(field, errors=None):
    """The field's widget, with aria-describedby naming its help text and each of its errors,
    so that a screen reader announces the error with the field it belongs to. `errors` as
    for `error_ids`."""
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}_helptext")
    ids.extend(error_ids(field, errors))
    attrs = {"aria-describedby": " ".join(ids)} if ids else None
    return field.as_widget(attrs=attrs)
