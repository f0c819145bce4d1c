module example.com/tinyimg-demo

go 1.19
