"""The local sandbox: emulators of Pleo (and, mounted by others, of accounting systems) on loopback.

Used by the tests, the ``pleodesk sandbox`` command, demo mode and the benchmarks::

    from pleodesk.sandbox import start_sandbox

    with start_sandbox(seed=1, expenses_per_month=600) as sb:
        sb.pleo_url, sb.api_key, sb.company_id   # point a Pleo client here
        sb.pleo.create_job_as_user(sb.pleo.exportable_entry_ids(limit=10))

See ``server`` (the server and ``Sandbox``), ``pleo_emulator`` (the Pleo API, OAuth and the controls),
``demo_data`` (the deterministic demo company), ``files`` (receipt files) and ``faults`` (fault knobs).
"""

from pleodesk.sandbox.server import Sandbox, SandboxConfig, serve_forever, start_sandbox

__all__ = ["Sandbox", "SandboxConfig", "serve_forever", "start_sandbox"]
