from simulators.csv_drop.cli import run
from simulators.ict.generate import generate

if __name__ == "__main__":
    run("ict", generate)
