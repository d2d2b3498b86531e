"""Run one command and report its peak RSS, from a small process.

Linux carries a parent's resident size into a forked child's ``ru_maxrss`` (the high-water mark
survives ``exec``), so a child started by the harness — itself a few hundred MB once it has run
DuckDB queries — would never report less than the harness. This launcher is that child instead:
it starts the command from its own ~10 MB, waits for it with ``os.wait4`` and writes the
command's ``ru_maxrss`` (KiB, including the descendants it waited for) and its CPU seconds
(user + system) to ``RSS_FILE``.

    python -S benchmarks/launch.py RSS_FILE COMMAND [ARG ...]
"""

import os
import subprocess
import sys


def main() -> int:
    rss_file, *command = sys.argv[1:]
    child = subprocess.Popen(command)
    _, status, usage = os.wait4(child.pid, 0)
    with open(rss_file, "w") as out:
        out.write(f"{usage.ru_maxrss} {usage.ru_utime + usage.ru_stime}")
    return os.waitstatus_to_exitcode(status)


if __name__ == "__main__":
    sys.exit(main())
