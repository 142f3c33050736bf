"""One module per subcommand; each returns an exit code."""

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
