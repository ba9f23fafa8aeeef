x = 'é' + "日本" + '\N{LATIN SMALL LETTER E WITH ACUTE}'
π = 3.14
näme = 1
