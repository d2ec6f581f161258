"""The setup wizard: ``SetupWizard`` (Qt) over ``WizardState`` (Qt-free answers and draft)."""

__all__ = ["SetupWizard", "discard_draft"]


def __getattr__(name: str):
    # Imported lazily: the mapping editors use ``wizard.state`` and the wizard's pages use them.
    if name in __all__:
        from pleodesk.ui.wizard import wizard

        return getattr(wizard, name)
    raise AttributeError(name)
