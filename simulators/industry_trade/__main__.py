from simulators.csv_drop.cli import run
from simulators.industry_trade.generate import generate

if __name__ == "__main__":
    run("industry_trade", generate, default_months=36)
