# One image recipe for every service: docker build --build-arg SERVICE=booking-service .
# Build the jars first (./mvnw -DskipTests package); the image only copies the service's executable jar.
FROM eclipse-temurin:17-jre
ARG SERVICE
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 app \
 && mkdir -p /data/keys && chown -R app /data
COPY ${SERVICE}/target/${SERVICE}-*-exec.jar /app/app.jar
USER app
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
