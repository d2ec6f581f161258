"""Only one build step pyproject.toml cannot say: the wheel carries the top-level ``resources/``
folder (icons, translations) inside the package, as ``pleodesk/resources``, where
``pleodesk.ui.resources.resources_dir()`` looks for it in an installed copy, and the user guide
beside it (``pleodesk/docs/user-guide.md``, for Help > User guide). Everything else is in
pyproject.toml."""

from pathlib import Path
import shutil

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildPyWithResources(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):     # an editable install uses the checkout's resources/
            return
        package = Path(self.build_lib) / "pleodesk"
        source = ROOT / "resources"
        if source.is_dir():
            shutil.copytree(source, package / "resources", dirs_exist_ok=True)
        guide = ROOT / "docs" / "user-guide.md"       # Help > User guide looks beside resources/
        if guide.is_file():
            (package / "docs").mkdir(parents=True, exist_ok=True)
            shutil.copy2(guide, package / "docs" / guide.name)


setup(cmdclass={"build_py": BuildPyWithResources})
