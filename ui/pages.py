"""Which screen each navigation entry opens.

A page is built the first time its entry is chosen (start-up builds only the home).
Each entry names "module:Class"; the class is called as ``Class(ops)``: a page asks the
main window for what it cannot do itself with signals (``start_requested``), and never
holds the window.
"""

import importlib

PAGES = {
    "groups": "ui.views.groups:GroupsView",
    "participants": "ui.views.participants:ParticipantsView",
    "sessions": "ui.views.sessions:SessionsView",
    "exercises": "ui.views.practice_home:PracticeHomeView",
    "documents": "ui.views.documents:DocumentsView",
    "coordination": "ui.views.coordination:CoordinationView",
    "settings": "ui.views.settings:SettingsView",
}


def page_class(key: str):
    """The class of a section's page (imported on first use)."""
    module_name, class_name = PAGES[key].split(":")
    return getattr(importlib.import_module(module_name), class_name)
