module netopsps/bench/go-echo

go 1.19
