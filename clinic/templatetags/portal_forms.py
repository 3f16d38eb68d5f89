from django import forms, template

register = template.Library()


@register.filter
def error_target(bound_field) -> str:
    """The id an error summary links to: the field's input, or a choice group's first one."""
    widget = bound_field.field.widget
    if isinstance(widget, forms.RadioSelect):  # CheckboxSelectMultiple included
        return f"{bound_field.auto_id}_0"
    return bound_field.auto_id
