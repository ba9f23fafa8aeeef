(?is).*output truncated: only the first \d+ lines are kept.*stopped.*
