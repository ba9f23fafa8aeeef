(?is).*(stopped|time limit|timeout).*
