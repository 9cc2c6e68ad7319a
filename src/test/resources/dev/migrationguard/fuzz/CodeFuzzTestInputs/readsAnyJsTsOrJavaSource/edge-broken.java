class Broken { void f( { "unterminated ; /* 
