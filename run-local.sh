#!/usr/bin/env bash
# Builds what is needed and starts the whole platform locally: Kafka, a MongoDB-wire store, an SMTP server and
# the three services. Needs only a JDK 17+. Data stays in .local/; Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
echo "Building (the first run downloads dependencies and takes a few minutes)..."
./mvnw -q -B -DskipTests package
exec java -jar local-platform/target/local-platform-0.1.0-SNAPSHOT-exec.jar "$@"
