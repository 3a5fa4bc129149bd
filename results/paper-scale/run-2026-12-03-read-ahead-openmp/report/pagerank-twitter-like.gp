# pagerank on twitter-like: median seconds vs cores, log-log; dashed lines are single-threaded medians.
# Written by cost report. Redraw with: gnuplot pagerank-twitter-like.gp

set title 'pagerank on twitter-like'
set xlabel 'cores (threads x processes)'
set ylabel 'seconds (median; bars: min to max)'
set logscale x 2
set logscale y 10
set xrange [1.33333:3]
set xtics (2)
set autoscale yfix
set offsets 0, 0, graph 0.08, graph 0.08
set ytics (100)
set format y '%g'
set grid xtics ytics lc rgb '#dddddd'
set key below center maxcols 1 box
set bmargin 6
set bars small

set terminal svg size 800,500 font 'DejaVu Sans,11' background '#ffffff' noenhanced
set output 'pagerank-twitter-like.svg'
plot 'pagerank-twitter-like.dat' index 0 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title 'openmp:pagerank-stream (pagerank-push)'

set terminal pngcairo size 800,500 font 'DejaVu Sans,10' background '#ffffff' noenhanced
set output 'pagerank-twitter-like.png'
replot
unset output
