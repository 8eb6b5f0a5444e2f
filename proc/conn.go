package proc

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"sync"
	"syscall"

	"golang.org/x/sys/unix"
)

// MaxMessage is the largest message, once encoded as JSON, that a Queue or
// a Conn carries.
const MaxMessage = 64 << 10

// A Queue carries messages from any number of processes to any number of
// processes, first in, first out: multiprocessing's Queue. Each message
// is received once, by one of the processes that Get.
//
// Messages are copied, encoded as JSON: Put a value, and Get it into a
// variable of the same type. A Queue has no end: a consumer learns that
// no more will come from a message that says so (a sentinel, as in
// Python).
type Queue struct {
	// send and recv are the ends of one socket pair of the kind that keeps
	// messages whole (SOCK_SEQPACKET): a message written at send is read
	// whole at recv, by exactly one reader.
	send, recv *endpoint
}

// NewQueue returns a new, empty queue. Like make, it panics when the
// system has no room for one (no file descriptors left).
func NewQueue() *Queue {
	a, b, err := socketPair()
	if err != nil {
		panic(fmt.Errorf("proc: NewQueue: %w", err))
	}
	return &Queue{send: a, recv: b}
}

// Put adds v to the queue. It blocks while the queue is full.
func (q *Queue) Put(v any) error { return q.send.write("Queue.Put", v) }

// Get takes the oldest message of the queue into the value v points to,
// waiting for one if the queue is empty.
func (q *Queue) Get(v any) error { return q.recv.read("Queue.Get", v) }

// Close closes this process's use of the queue. Other processes that
// share it go on using it.
func (q *Queue) Close() error { return errors.Join(q.send.close(), q.recv.close()) }

func (q *Queue) kind() string      { return "Queue" }
func (q *Queue) files() []*os.File { return []*os.File{q.send.file, q.recv.file} }

// MarshalJSON refuses: a queue goes to a process as an argument.
func (q *Queue) MarshalJSON() ([]byte, error) { return nil, errNested("Queue") }

// UnmarshalJSON makes the queue a process received as an argument.
func (q *Queue) UnmarshalJSON(data []byte) error {
	fs, err := receive(data, "Queue", 2)
	if err != nil {
		return err
	}
	if q.send, err = newEndpoint(fs[0]); err != nil {
		return err
	}
	q.recv, err = newEndpoint(fs[1])
	return err
}

// A Conn is one end of a Pipe.
type Conn struct{ end *endpoint }

// Pipe returns the two ends of a new two-way connection: what is sent at
// one end is received at the other. Give one end to a new process and keep
// the other, as with multiprocessing's Pipe; then close the end you gave,
// so that the other end learns when the process that has it is gone. Like
// make, it panics when the system has no room for one.
func Pipe() (*Conn, *Conn) {
	a, b, err := socketPair()
	if err != nil {
		panic(fmt.Errorf("proc: Pipe: %w", err))
	}
	return &Conn{a}, &Conn{b}
}

// Send sends v to the other end.
func (c *Conn) Send(v any) error { return c.end.write("Conn.Send", v) }

// Recv receives the next message from the other end into the value v
// points to, waiting for one. It returns io.EOF when every process that
// had the other end has closed it or ended.
func (c *Conn) Recv(v any) error { return c.end.read("Conn.Recv", v) }

// Close closes this process's use of the end.
func (c *Conn) Close() error { return c.end.close() }

func (c *Conn) kind() string      { return "Conn" }
func (c *Conn) files() []*os.File { return []*os.File{c.end.file} }

// MarshalJSON refuses: a connection goes to a process as an argument.
func (c *Conn) MarshalJSON() ([]byte, error) { return nil, errNested("Conn") }

// UnmarshalJSON makes the end a process received as an argument.
func (c *Conn) UnmarshalJSON(data []byte) error {
	fs, err := receive(data, "Conn", 1)
	if err != nil {
		return err
	}
	c.end, err = newEndpoint(fs[0])
	return err
}

// An endpoint is one end of a socket pair: the file a new process
// inherits, and the connection this process reads and writes through
// Go's poller.
type endpoint struct {
	file *os.File
	conn *net.UnixConn
	rmu  sync.Mutex // one reader at a time gets the buffer
	buf  []byte
}

func socketPair() (*endpoint, *endpoint, error) {
	fds, err := unix.Socketpair(unix.AF_UNIX, unix.SOCK_SEQPACKET|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return nil, nil, os.NewSyscallError("socketpair", err)
	}
	var ends [2]*endpoint
	for i, fd := range fds {
		// Room for a few messages of the largest size in the kernel.
		unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_SNDBUF, 4*MaxMessage)
		if ends[i], err = newEndpoint(os.NewFile(uintptr(fd), "proc socket")); err != nil {
			return nil, nil, err
		}
	}
	return ends[0], ends[1], nil
}

func newEndpoint(f *os.File) (*endpoint, error) {
	c, err := net.FileConn(f)
	if err != nil {
		return nil, err
	}
	uc, ok := c.(*net.UnixConn)
	if !ok {
		c.Close()
		return nil, errors.New("proc: not a socket of a Queue or Pipe")
	}
	return &endpoint{file: f, conn: uc}, nil
}

func (e *endpoint) write(op string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("proc: %s: %w", op, err)
	}
	if len(b) > MaxMessage {
		return fmt.Errorf("proc: %s: the message is %d bytes encoded, more than the %d a message may be", op, len(b), MaxMessage)
	}
	if _, err := e.conn.Write(b); err != nil {
		return fmt.Errorf("proc: %s: %w", op, err)
	}
	return nil
}

func (e *endpoint) read(op string, v any) error {
	e.rmu.Lock()
	defer e.rmu.Unlock()
	if e.buf == nil {
		e.buf = make([]byte, MaxMessage+1)
	}
	n, _, flags, _, err := e.conn.ReadMsgUnix(e.buf, nil)
	if errors.Is(err, io.EOF) {
		return io.EOF
	}
	if err != nil {
		return fmt.Errorf("proc: %s: %w", op, err)
	}
	if n == 0 && flags == 0 {
		return io.EOF // an empty read: the other end is closed everywhere
	}
	if flags&syscall.MSG_TRUNC != 0 {
		return fmt.Errorf("proc: %s: a message larger than %d bytes", op, MaxMessage)
	}
	if err := json.Unmarshal(e.buf[:n], v); err != nil {
		return fmt.Errorf("proc: %s: %w", op, err)
	}
	return nil
}

func (e *endpoint) close() error {
	return errors.Join(e.conn.Close(), e.file.Close())
}
