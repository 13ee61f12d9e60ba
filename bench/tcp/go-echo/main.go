// go-echo: the reference peer of the TCP benchmark (issue 3). A goroutine per connection reads
// lines with a bufio.Reader and answers each one with ONE write of "<prefix><line>", the line
// feed included, the way a plain Go line echo server is written. Standard library only, so
// `go build` works offline (GOFLAGS=-mod=mod GOPROXY=off).
//
// It prints "listening <address>" on stdout once it accepts connections, and exits on SIGTERM
// or SIGINT.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"
)

func main() {
	address := flag.String("address", "127.0.0.1", "address to listen on")
	port := flag.Int("port", 0, "port to listen on (0: the kernel chooses)")
	prefix := flag.String("prefix", "Echo: ", "text before every echoed line")
	flag.Parse()

	listener, err := net.Listen("tcp", net.JoinHostPort(*address, strconv.Itoa(*port)))
	if err != nil {
		log.Fatalf("go-echo: %v", err)
	}
	fmt.Printf("listening %s\n", listener.Addr())

	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGTERM, syscall.SIGINT)
	go func() {
		<-signals
		os.Exit(0)
	}()

	for {
		conn, err := listener.Accept()
		if err != nil {
			var netErr net.Error
			if errors.As(err, &netErr) && netErr.Timeout() {
				continue
			}
			// Out of descriptors, most likely: back off a little, like net/http does.
			log.Printf("go-echo: accept: %v", err)
			time.Sleep(5 * time.Millisecond)
			continue
		}
		go serve(conn, []byte(*prefix))
	}
}

// serve echoes every line of one connection with one write per line.
func serve(conn net.Conn, prefix []byte) {
	defer conn.Close()
	reader := bufio.NewReader(conn)
	var reply []byte // grown on the first line, then reused
	for {
		line, err := reader.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			// A line longer than the reader's buffer: gather it whole, then answer it in one write.
			long := append([]byte(nil), line...)
			for errors.Is(err, bufio.ErrBufferFull) {
				line, err = reader.ReadSlice('\n')
				long = append(long, line...)
			}
			line = long
		}
		if len(line) > 0 {
			if err != nil && line[len(line)-1] != '\n' {
				// The client closed mid-line: answer what it sent, as a line.
				line = append(line, '\n')
			}
			reply = append(append(reply[:0], prefix...), line...)
			if _, werr := conn.Write(reply); werr != nil {
				return
			}
		}
		if err != nil {
			if !errors.Is(err, io.EOF) {
				log.Printf("go-echo: %v: %v", conn.RemoteAddr(), err)
			}
			return
		}
	}
}
