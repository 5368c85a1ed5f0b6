package content

// TOMLTooDeep finds the first line of TOML data on which its arrays,
// tables and inline tables nest deeper than max: its index from 0, or -1
// when none does. TOML's decoder reads nesting by recursion, at a cost
// that grows with the square of the depth (2,000,000 brackets in a 4 MB
// file ended the program with a stack overflow, and 5,000 inline tables
// took 2 GB), so the depth is counted before it reads anything: brackets
// and braces outside strings and comments, and the dots of a dotted key
// (a.b.c = 1) or a table's header ([a.b]), each of which opens a table.
func TOMLTooDeep(data []byte, max int) int {
	line := 0
	var open []byte // the brackets and braces open, innermost last
	dots := 0       // the dots of the key being read
	inKey := true   // at a key: a line's start, or after { or , in an inline table
	for i := 0; i < len(data); i++ {
		switch c := data[i]; c {
		case '\n':
			line++
			// A key starts the line, but in an array that runs on. An
			// inline table may run over lines too: after its { or a
			// comma, a key is still to come, and its dots are counted on
			// whatever line it is written.
			if len(open) == 0 || open[len(open)-1] == '[' {
				dots, inKey = 0, len(open) == 0
			}
		case '#':
			for i+1 < len(data) && data[i+1] != '\n' {
				i++
			}
		case '"', '\'':
			end, lines := stringEnd(data, i)
			line += lines
			i = end
		case '.':
			if inKey {
				if dots++; len(open)+dots > max {
					return line
				}
			}
		case '=':
			dots, inKey = 0, false
		case ',':
			// A key follows in an inline table; in an array, a value.
			dots, inKey = 0, len(open) > 0 && open[len(open)-1] == '{'
		case '[', '{':
			if open = append(open, c); len(open)+dots > max {
				return line
			}
			inKey = c == '{' || inKey
		case ']', '}':
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		}
	}
	return -1
}

// stringEnd gives the index of the last byte of the TOML string that
// opens at data[i], basic ("…", with backslash escapes) or literal
// ('…'), on one line or, opened by three quotes, on several, and the
// line breaks it holds; a string that does not close ends with data.
func stringEnd(data []byte, i int) (end, lines int) {
	q := data[i]
	delim := 1
	if i+2 < len(data) && data[i+1] == q && data[i+2] == q {
		delim = 3
	}
	for j := i + delim; j < len(data); j++ {
		switch c := data[j]; {
		case c == '\\' && q == '"':
			if j+1 < len(data) && data[j+1] == '\n' {
				lines++
			}
			j++
		case c == '\n':
			lines++
			if delim == 1 {
				return j - 1, lines - 1 // a one-line string does not run on
			}
		case c == q && (delim == 1 || j+2 < len(data) && data[j+1] == q && data[j+2] == q):
			return j + delim - 1, lines
		}
	}
	return len(data) - 1, lines
}
