# expect-runtime: eclipse-temurin:21-jre
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /build
COPY pom.xml .
RUN mvn -B dependency:go-offline
COPY src ./src
RUN mvn -B package -DskipTests

FROM eclipse-temurin:21-jre
WORKDIR /build
COPY --from=build /build/target/*.jar /build/target/
EXPOSE 8080
ENTRYPOINT ["sh", "-c", "java -jar target/*.jar"]
