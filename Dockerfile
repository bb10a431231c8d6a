# OptOut: build the jar with Maven, run it on a plain Java 17 runtime as a non-root user.
#   docker build -t optout .
#   docker run --rm -e TELEGRAM_BOT_TOKEN=… -v optout-data:/data optout          (the bot)
#   docker run --rm optout ask "How do I stop LinkedIn using my CV?"             (one question)

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# dependencies first: this layer is reused until pom.xml changes
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY knowledge knowledge
COPY src src
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 optout \
 && useradd --system --uid 10001 --gid optout --home-dir /data --no-create-home --shell /usr/sbin/nologin optout \
 && mkdir -p /data /tmp/djl \
 && chown optout:optout /data /tmp/djl
COPY --from=build /src/target/optout.jar /app/optout.jar

# OPTOUT_DATA_DIR: the SQLite file and the index, kept across restarts in the volume.
# DJL_CACHE_DIR: the tokenizer unpacks its native library here at start; it must be writable and
#   allow executing, and it belongs to this image's version, so it is not in the volume.
ENV OPTOUT_DATA_DIR=/data \
    DJL_CACHE_DIR=/tmp/djl \
    LANG=C.UTF-8
VOLUME ["/data"]
WORKDIR /data
USER optout

ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/optout.jar"]
CMD ["telegram"]
