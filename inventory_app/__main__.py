import sys

from inventory_app.app import main

sys.exit(main())
