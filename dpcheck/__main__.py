"""``python -m dpcheck``: the command line without the console script."""

from dpcheck.cli import main

main()
