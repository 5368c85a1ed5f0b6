package content

import (
	"fmt"
	"iter"
	"slices"
	"strings"
)

// FieldLines are the lines an article's front matter fields start on,
// for messages that point at a field. A fixed array rather than a map:
// a site holds one for every article.
type FieldLines [len(articleFields)]int32

// Line is the line field starts on; 0 when the front matter does not set
// it, or field is not an article's field.
func (l *FieldLines) Line(field string) int {
	if i, ok := fieldAt[field]; ok {
		return int(l[i])
	}
	return 0
}

// fieldAt is each article field's place in articleFields: a site of ten
// thousand articles looks up the lines of their slugs, aliases and ids
// after every save.
var fieldAt = func() map[string]int {
	at := make(map[string]int, len(articleFields))
	for i, f := range articleFields {
		at[f] = i
	}
	return at
}()

// Set records that field starts on line; a field an article does not
// have is left out.
func (l *FieldLines) Set(field string, line int) {
	if i, ok := fieldAt[field]; ok {
		l[i] = int32(line)
	}
}

// All gives the fields set and their lines, in the order of articleFields.
func (l *FieldLines) All() iter.Seq2[string, int] {
	return func(yield func(string, int) bool) {
		for i, line := range l {
			if line > 0 && !yield(articleFields[i], int(line)) {
				return
			}
		}
	}
}

// String lists the fields set as field:line, by name.
func (l FieldLines) String() string {
	var fields []string
	for f, line := range l.All() {
		fields = append(fields, fmt.Sprintf("%s:%d", f, line))
	}
	slices.Sort(fields)
	return strings.Join(fields, " ")
}
