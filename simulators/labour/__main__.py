from simulators.csv_drop.cli import run
from simulators.labour.generate import generate

if __name__ == "__main__":
    run("labour", generate)
