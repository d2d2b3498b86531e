from simulators.csv_drop.cli import run
from simulators.health.generate import generate

if __name__ == "__main__":
    run("health", generate)
