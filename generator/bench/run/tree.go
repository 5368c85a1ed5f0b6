package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// treePeak samples, every 20 ms until done is closed, the resident sets
// of the process pid and all its descendants, summed, and sends the
// largest sum seen, in bytes: a build and the Pagefind processes it runs
// at once. Where /proc cannot be read it sends 0.
func treePeak(pid int, done <-chan struct{}, peak chan<- int64) {
	var most int64
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		most = max(most, treeRSS(pid))
		select {
		case <-done:
			peak <- most
			return
		case <-tick.C:
		}
	}
}

// treeRSS sums the resident sets of pid and its descendants, from
// /proc/*/stat.
func treeRSS(pid int) int64 {
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	children := map[int][]int{}
	rss := map[int]int64{}
	for _, name := range stats {
		data, err := os.ReadFile(name)
		if err != nil {
			continue // ended meanwhile
		}
		// "pid (comm) state ppid …": comm may hold spaces and parentheses.
		end := bytes.LastIndexByte(data, ')')
		if end < 0 {
			continue
		}
		id, _ := strconv.Atoi(string(bytes.Fields(data[:end])[0]))
		f := bytes.Fields(data[end+1:])
		if len(f) < 22 {
			continue
		}
		ppid, _ := strconv.Atoi(string(f[1]))
		pages, _ := strconv.ParseInt(string(f[21]), 10, 64) // rss, field 24 of stat
		children[ppid] = append(children[ppid], id)
		rss[id] = pages * int64(os.Getpagesize())
	}
	var sum int64
	todo := []int{pid}
	for len(todo) > 0 {
		p := todo[len(todo)-1]
		todo = append(todo[:len(todo)-1], children[p]...)
		sum += rss[p]
	}
	return sum
}
