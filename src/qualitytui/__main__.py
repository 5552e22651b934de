from qualitytui.cli import main

raise SystemExit(main())
