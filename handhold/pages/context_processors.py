def privacy(request):
    """What every page needs to honour discreet mode: a neutral title and icon."""
    user = getattr(request, "user", None)
    discreet = bool(user and user.is_authenticated and user.discreet_mode)
    return {"discreet": discreet, "site_title": "Notes" if discreet else "Handhold"}
