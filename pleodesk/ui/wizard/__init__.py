"""The setup wizard: ``SetupWizard`` (Qt) over ``WizardState`` (Qt-free answers and draft)."""

from pleodesk.ui.wizard.wizard import SetupWizard, discard_draft

__all__ = ["SetupWizard", "discard_draft"]
