FROM centos:7
RUN ["yum", "install", "httpd"]
FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN yum install httpd
