package site

import "testing"

func TestReadingMinutes(t *testing.T) {
	tests := []struct {
		words, want int
	}{
		{0, 0}, // a body without words: no reading time to show
		{1, 1},
		{200, 1},
		{201, 2},
		{400, 2},
		{401, 3},
	}
	for _, tt := range tests {
		if got := readingMinutes(tt.words); got != tt.want {
			t.Errorf("readingMinutes(%d) = %d, want %d", tt.words, got, tt.want)
		}
	}
}
