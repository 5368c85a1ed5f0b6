package content

// MaxTOMLKeyLength bounds the bytes of a key of TOML front matter as it is
// written, its names, dots and quotes, a table's header's as much as a
// key's. TOML's decoder writes the path of each key and table out again
// for every key and table below it, at a cost that grows with the key's
// length times what it holds (a key of 100 KB holding 10,000 inline
// tables, {a=1}, took 8 s); a key of 256 bytes costs no more than one of
// a letter (100,000 such tables took 2 s under either), and no field's
// name is a tenth as long.
const MaxTOMLKeyLength = 256

// TOMLKeyTooLong finds the first line of TOML data on which a key is
// longer than max bytes as written (see maxKeyLength): its index from 0,
// or -1 when none is. A key is read where TOML reads one: at a line's
// start, but in an array that runs on; in a table's header; and in an
// inline table, after its { or a comma, on whatever line it is written.
// Values, strings and comments are passed over, so that it costs a look
// at each byte once, before the decoder reads anything.
func TOMLKeyTooLong(data []byte, max int) int {
	line := 0
	var open []byte // the brackets and braces open, innermost last
	inKey := true   // at a key: a line's start, or after { or , in an inline table
	for i := 0; i < len(data); i++ {
		switch c := data[i]; {
		case c == '\n':
			line++
			// As TOMLTooDeep: a key starts the line, but in an array
			// that runs on; in an inline table, one may still be to come.
			if len(open) == 0 || open[len(open)-1] == '[' {
				inKey = len(open) == 0
			}
		case c == '#':
			for i+1 < len(data) && data[i+1] != '\n' {
				i++
			}
		case inKey && c == '[' && len(open) == 0:
			// A table's header, [name] or [[name]]: the name is a key.
			if i+1 < len(data) && data[i+1] == '[' {
				i++
			}
		case inKey && (isBareKeyByte(c) || c == '"' || c == '\''):
			end, lines := keyEnd(data, i)
			if end-i > max {
				return line
			}
			line += lines
			i, inKey = end-1, false
		case c == '"' || c == '\'':
			end, lines := stringEnd(data, i)
			line += lines
			i = end
		case c == ',':
			// A key follows in an inline table; in an array, a value.
			inKey = len(open) > 0 && open[len(open)-1] == '{'
		case c == '[' || c == '{':
			open = append(open, c)
			inKey = c == '{'
		case c == ']' || c == '}':
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
			inKey = false
		}
	}
	return -1
}

// keyEnd gives the index just past the key that starts at data[i], as
// tomlKey reads one: names, bare or in quotes, joined by dots with spaces
// around them if any; and the line breaks it holds, which only a key that
// is not TOML does.
func keyEnd(data []byte, i int) (end, lines int) {
	for {
		if i < len(data) && (data[i] == '"' || data[i] == '\'') {
			last, n := stringEnd(data, i)
			i, lines = last+1, lines+n
		} else {
			for i < len(data) && isBareKeyByte(data[i]) {
				i++
			}
		}
		end = i
		for i < len(data) && (data[i] == ' ' || data[i] == '\t') {
			i++
		}
		if i == len(data) || data[i] != '.' {
			return end, lines
		}
		i++
		for i < len(data) && (data[i] == ' ' || data[i] == '\t') {
			i++
		}
	}
}
