# expect-runtime: eclipse-temurin:17-jre
FROM eclipse-temurin:17-jdk
WORKDIR /workspace
COPY . .
RUN ./gradlew --no-daemon bootJar
ENTRYPOINT ["java", "-jar", "/workspace/build/libs/app.jar"]
