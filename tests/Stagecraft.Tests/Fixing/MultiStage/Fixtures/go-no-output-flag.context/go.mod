module example.com/tools/pinger/v2

go 1.21
