from pleodesk.cli import main

raise SystemExit(main())
