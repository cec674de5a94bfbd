# The two commands of the README. Each calls a plain script in scripts/.
.PHONY: run test install lint

run:
	./scripts/run.sh

test:
	./scripts/test.sh

install:
	./scripts/install.sh

lint:
	./scripts/install.sh test && .venv/bin/ruff check .
