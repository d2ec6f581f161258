"""Only one build step pyproject.toml cannot say: the wheel carries the top-level ``resources/``
folder (icons, translations) inside the package, as ``pleodesk/resources``, where
``pleodesk.ui.resources.resources_dir()`` looks for it in an installed copy. Everything else is in
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
        source = ROOT / "resources"
        if source.is_dir():
            shutil.copytree(source, Path(self.build_lib) / "pleodesk" / "resources", dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildPyWithResources})
