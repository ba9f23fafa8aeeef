import sys
def main():
    print("checking input")
    sys.exit("error: no input file given")
main()
