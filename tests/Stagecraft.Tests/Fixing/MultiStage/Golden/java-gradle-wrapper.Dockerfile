# expect-runtime: eclipse-temurin:17-jre
FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace
COPY . .
RUN ./gradlew --no-daemon bootJar

FROM eclipse-temurin:17-jre
WORKDIR /workspace
COPY --from=build /workspace/build/libs/*.jar /workspace/build/libs/
ENTRYPOINT ["java", "-jar", "/workspace/build/libs/app.jar"]
